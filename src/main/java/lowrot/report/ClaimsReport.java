package lowrot.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import lowrot.core.claims.Claim;
import lowrot.core.claims.Claims;
import lowrot.core.model.RunConfig;
import lowrot.io.ConfigJson;
import lowrot.io.LabConfig;
import lowrot.render.ClaimCharts;
import lowrot.render.Figures;
import org.jfree.chart.JFreeChart;

/**
 * The claims report: each claim with its criterion, measured evidence and verdict, its figures as embedded PNG,
 * the configuration of every run and the commands that reproduce it — one HTML file that needs nothing else.
 */
public final class ClaimsReport {
    private static final int W = 720;
    private static final int H = 440;

    private ClaimsReport() {}

    /** One line per claim: verdict and title, then its evidence indented. */
    public static List<String> summary(Claims.Result result) {
        List<String> out = new ArrayList<>();
        for (Claim c : result.claims()) {
            out.add((c.holds() ? "HOLDS          " : "DOES NOT HOLD  ") + c.title() + " — " + c.statement());
            out.add("    criterion: " + c.criterion());
            for (String e : c.evidence()) {
                out.add("    " + e);
            }
        }
        return out;
    }

    /** The whole report as HTML; {@code version} names the build that computed it. */
    public static String html(Claims.Result result, String version) {
        Map<Claim, List<JFreeChart>> figures = new LinkedHashMap<>();
        List<Claim> claims = result.claims();
        figures.put(
                claims.get(0),
                List.of(
                        ClaimCharts.nearInitializationMargin(result.nearInitialization()),
                        ClaimCharts.nearInitializationRatio(result.nearInitialization()),
                        ClaimCharts.nearInitializationRotation(result.nearInitialization())));
        figures.put(claims.get(1), List.of(ClaimCharts.neuralCollapse(result.neuralCollapse())));
        figures.put(claims.get(3), List.of(ClaimCharts.noRotation(result.noRotation())));
        figures.put(claims.get(5), List.of(ClaimCharts.parity(result.parity())));
        StringBuilder b = new StringBuilder();
        b.append(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>lowrot claims report</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222;line-height:1.4}"
                        + "h2{border-top:1px solid #ddd;padding-top:1em}.holds{color:#0a7a4f}.fails{color:#b3361b}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}"
                        + "pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:12px}img{max-width:100%}"
                        + "</style></head><body>\n");
        b.append("<h1>lowrot claims report</h1>\n<p>Short versions of the paper's claims, run by lowrot ")
                .append(esc(version))
                .append(". Every verdict below was computed from these runs against the criterion"
                        + " stated before them; the numbers are the measurements, whatever they show.</p>\n");
        b.append("<table><tr><th>claim</th><th>verdict</th></tr>\n");
        for (Claim c : claims) {
            b.append("<tr><td>")
                    .append(esc(c.title()))
                    .append("</td><td class=\"")
                    .append(c.holds() ? "holds" : "fails")
                    .append("\">")
                    .append(c.verdict())
                    .append("</td></tr>\n");
        }
        b.append(
                "</table>\n<p>Reproduce the whole report: <code>java -jar lowrot.jar claims --out DIR</code> (or"
                        + " Experiments → Claims in the window). The same version gives the same numbers on any machine.</p>\n");
        for (Claim c : claims) {
            b.append("<h2>")
                    .append(esc(c.title()))
                    .append(": <span class=\"")
                    .append(c.holds() ? "holds" : "fails")
                    .append("\">")
                    .append(c.verdict())
                    .append("</span></h2>\n<p><b>Claim.</b> ")
                    .append(esc(c.statement()))
                    .append("</p>\n<p><b>Criterion.</b> ")
                    .append(esc(c.criterion()))
                    .append("</p>\n<ul>\n");
            for (String e : c.evidence()) {
                b.append("<li>").append(esc(e)).append("</li>\n");
            }
            b.append("</ul>\n");
            for (JFreeChart chart : figures.getOrDefault(c, List.of())) {
                b.append("<img alt=\"")
                        .append(esc(chart.getTitle().getText()))
                        .append("\" src=\"data:image/png;base64,")
                        .append(png(chart))
                        .append("\">\n");
            }
            b.append("<details><summary>Configuration of the runs</summary>\n");
            for (RunConfig rc : c.runs()) {
                b.append("<pre>")
                        .append(esc(ConfigJson.write(LabConfig.defaults().withRun(rc))))
                        .append("</pre>\n");
            }
            b.append("<p>Save one as <code>config.json</code> and run it alone with <code>java -jar lowrot.jar run"
                    + " config.json</code>, or open it in the window (File → Open).</p></details>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String png(JFreeChart chart) {
        BufferedImage image = Figures.bitmap(W, H, 1, Figures.chart(chart, W, H));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
