package lowrot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import lowrot.core.claims.Claim;
import lowrot.core.claims.Claims;
import lowrot.core.claims.NeuralCollapseClaim;
import lowrot.core.claims.NoRotationClaim;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.experiment.Learner;
import lowrot.core.train.Metrics;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.ConfigJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claims, run once: every verdict agrees with its criterion recomputed here from the measurements, the
 * certified bounds are never beaten, and the report carries every claim, its figures and parseable configs.
 */
class ClaimsReportTest {
    private static Claims.Result result;

    @BeforeAll
    static void runTheClaims() {
        result = Claims.run(ProgressMonitor.NONE);
    }

    @Test
    void everyVerdictFollowsFromItsMeasurements() {
        List<Claim> claims = result.claims();
        assertEquals(7, claims.size());

        List<Metrics> history = result.nearInitialization().history();
        Metrics end = history.get(history.size() - 1);
        boolean near = end.marginDisplacement()
                        >= 0.5 * result.nearInitialization().ntk().value()
                && Math.toDegrees(end.rotationMean()) <= 15;
        assertEquals(near, claims.get(0).holds(), claims.get(0).evidence().toString());
        assertTrue(end.time() >= 1000);
        // The ratio to γ_ntk over τ at every width, recomputed from the histories.
        var ratios = result.nearInitialization().ratios();
        assertEquals(3, ratios.size());
        double ntk = result.nearInitialization().ntk().value();
        for (var r : ratios) {
            double largest = r.history().stream()
                    .mapToDouble(m -> m.marginDisplacement() / ntk)
                    .filter(Double::isFinite)
                    .max()
                    .orElse(Double.NaN);
            assertEquals(largest, r.largest(), 0.0, "m = " + r.width());
            assertTrue(r.largest() >= r.atEnd(), "m = " + r.width());
            assertTrue(r.history().get(r.history().size() - 1).time() >= 1000);
        }
        assertEquals(history, ratios.get(1).history(), "the verdict's run is the preset's width");

        List<NeuralCollapseClaim.Setting> s = result.neuralCollapse().settings();
        boolean samples = s.get(1).needed() / s.get(0).needed() < 1.5
                && s.get(3).needed() / s.get(2).needed() < 1.5
                && s.get(2).needed() / s.get(0).needed() >= 1.5
                && s.get(3).needed() / s.get(1).needed() >= 1.5;
        assertEquals(samples, claims.get(1).holds());
        assertEquals(
                s.stream().allMatch(x -> x.alignment() >= 0.9), claims.get(2).holds());
        for (NeuralCollapseClaim.Setting x : s) {
            assertTrue(x.alignment() <= 1 + 1e-12 && x.alignment() >= -1 - 1e-12, x.toString());
            assertTrue(x.centreCosine() <= 1 + 1e-12 && x.initialCentreCosine() >= 0, x.toString());
            assertTrue(x.globalLower() > 0 && x.globalLower() <= x.globalUpper(), x.toString());
        }

        NoRotationClaim.Result nr = result.noRotation();
        for (NoRotationClaim.Point p : nr.points()) {
            // Invariants of the certified bounds: no trained network beats the limit of its own directions, and no
            // set of directions beats the global margin.
            assertTrue(p.marginPath() <= p.limit().upper() + 1e-9, p.toString());
            assertTrue(p.limit().lower() <= nr.global().upper() + 1e-9, p.toString());
        }
        assertEquals(
                nr.points().stream()
                        .allMatch(p -> p.marginPath() >= 0.9 * p.limit().lower()),
                claims.get(3).holds());

        var needed = ComplexityAnalysis.needed(
                result.parity().cells(), result.parity().plan().settings().epsilon());
        var kernel = ComplexityAnalysis.exponent(needed, Learner.KERNEL);
        var rich = ComplexityAnalysis.exponent(needed, Learner.RICH);
        assertEquals(
                kernel != null && rich != null && kernel.bootstrapLow() > rich.bootstrapHigh(),
                claims.get(5).holds());
    }

    @Test
    void theReportIsOneFileWithEveryClaimItsFiguresAndItsConfigs() throws Exception {
        String html = ClaimsReport.html(result, "lowrot test");
        for (Claim c : result.claims()) {
            assertTrue(
                    html.contains("<h2>" + c.title() + ": <span class=\"" + (c.holds() ? "holds" : "fails") + "\">"
                            + c.verdict()),
                    c.title());
        }
        Matcher img = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        int images = 0;
        while (img.find()) {
            assertNotNull(
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1)))));
            images++;
        }
        assertEquals(6, images, "two margin figures and the rotation for near initialization, one each for the others");
        Matcher pre = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL).matcher(html);
        int configs = 0;
        while (pre.find()) {
            String json = pre.group(1)
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
            ConfigJson.validated(ConfigJson.parse(json, Path.of(".")));
            configs++;
        }
        assertTrue(configs >= 7, "configs: " + configs);
        assertTrue(!html.contains("src=\"http") && !html.contains("<link"), "self-contained");
        long lines =
                result.claims().stream().mapToLong(c -> 2 + c.evidence().size()).sum();
        assertEquals(lines, ClaimsReport.summary(result).size(), "verdict, criterion and evidence of every claim");
    }
}
