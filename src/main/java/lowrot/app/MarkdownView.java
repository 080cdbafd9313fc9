package lowrot.app;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (CommonMark with GitHub tables) as JavaFX rich text: headings, paragraphs with bold, italic and code,
 * lists, tables as grids, code blocks and quotes — so Help → About the math reads as a page, not as source text.
 * The formulas in the docs are Unicode (‖x‖, Σ, γ_ntk) and show as written. FX thread only.
 */
final class MarkdownView {
    private static final double BODY = 13.5;
    private static final String SANS = "System";
    private static final String MONO = "Monospaced";

    private MarkdownView() {}

    /** The page for a Markdown text. */
    static VBox render(String markdown) {
        Parser parser =
                Parser.builder().extensions(List.of(TablesExtension.create())).build();
        VBox page = new VBox(10);
        page.setPadding(new Insets(18, 22, 24, 22));
        page.getStyleClass().add("markdown");
        for (org.commonmark.node.Node b = parser.parse(markdown).getFirstChild(); b != null; b = b.getNext()) {
            page.getChildren().add(block(b));
        }
        return page;
    }

    private static Node block(org.commonmark.node.Node b) {
        if (b instanceof Heading h) {
            TextFlow flow = new TextFlow();
            double size = h.getLevel() == 1 ? 24 : h.getLevel() == 2 ? 19 : 16;
            inlines(h, flow, new Style(size, true, false, false));
            flow.setPadding(new Insets(h.getLevel() == 1 ? 0 : 8, 0, 0, 0));
            return flow;
        }
        if (b instanceof Paragraph p) {
            return paragraph(p);
        }
        if (b instanceof BulletList || b instanceof OrderedList) {
            VBox list = new VBox(4);
            int number = b instanceof OrderedList o ? startNumber(o) : 0;
            for (org.commonmark.node.Node item = b.getFirstChild(); item != null; item = item.getNext()) {
                VBox content = new VBox(4);
                for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                    content.getChildren().add(block(c));
                }
                Label bullet = new Label(b instanceof OrderedList ? (number++) + "." : "•");
                bullet.setMinWidth(22);
                HBox row = new HBox(2, bullet, content);
                list.getChildren().add(row);
            }
            return list;
        }
        if (b instanceof TableBlock t) {
            return table(t);
        }
        if (b instanceof FencedCodeBlock f) {
            return code(f.getLiteral());
        }
        if (b instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (b instanceof BlockQuote q) {
            VBox quote = new VBox(6);
            quote.setPadding(new Insets(0, 0, 0, 14));
            quote.setStyle("-fx-border-color: transparent transparent transparent #bbbbbb; -fx-border-width: 0 0 0 3;");
            for (org.commonmark.node.Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                quote.getChildren().add(block(c));
            }
            return quote;
        }
        if (b instanceof ThematicBreak) {
            return new Separator();
        }
        if (b instanceof ListItem) {
            VBox box = new VBox(4);
            for (org.commonmark.node.Node c = b.getFirstChild(); c != null; c = c.getNext()) {
                box.getChildren().add(block(c));
            }
            return box;
        }
        // Anything else (HTML blocks, link definitions): its text, plain.
        TextFlow flow = new TextFlow();
        inlines(b, flow, Style.BODY);
        return flow;
    }

    private static TextFlow paragraph(org.commonmark.node.Node p) {
        TextFlow flow = new TextFlow();
        flow.setLineSpacing(2);
        inlines(p, flow, Style.BODY);
        return flow;
    }

    private static Node code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.setFont(Font.font(MONO, BODY - 1));
        code.setPadding(new Insets(8));
        code.setStyle("-fx-background-color: #f3f3f3; -fx-background-radius: 4;");
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private static Node table(TableBlock t) {
        GridPane grid = new GridPane();
        grid.setStyle("-fx-border-color: #cccccc; -fx-border-width: 1 0 1 0;");
        int row = 0;
        for (org.commonmark.node.Node part = t.getFirstChild(); part != null; part = part.getNext()) {
            boolean head = part instanceof TableHead;
            for (org.commonmark.node.Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell)) {
                        continue;
                    }
                    TextFlow cell = new TextFlow();
                    inlines(c, cell, head ? Style.BODY.asBold() : Style.BODY);
                    cell.setPadding(new Insets(4, 10, 4, 6));
                    cell.setMaxWidth(col == 0 ? 220 : 420);
                    cell.setStyle(
                            head
                                    ? "-fx-background-color: #eeeeee;"
                                    : row % 2 == 0 ? "-fx-background-color: #fafafa;" : "");
                    grid.add(cell, col++, row);
                }
                row++;
            }
        }
        return grid;
    }

    /** A text style: size and whether bold, italic, monospaced. */
    private record Style(double size, boolean bold, boolean italic, boolean mono) {
        static final Style BODY = new Style(BODY_SIZE, false, false, false);

        Style asBold() {
            return new Style(size, true, italic, mono);
        }

        Style asItalic() {
            return new Style(size, bold, true, mono);
        }

        Style asCode() {
            return new Style(size - 0.5, bold, italic, true);
        }

        Font font() {
            return Font.font(
                    mono ? MONO : SANS,
                    bold ? FontWeight.BOLD : FontWeight.NORMAL,
                    italic ? FontPosture.ITALIC : FontPosture.REGULAR,
                    size);
        }
    }

    private static final double BODY_SIZE = BODY;

    private static void inlines(org.commonmark.node.Node parent, TextFlow flow, Style style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                add(flow, t.getLiteral(), style);
            } else if (n instanceof Code c) {
                add(flow, c.getLiteral(), style.asCode());
            } else if (n instanceof StrongEmphasis) {
                inlines(n, flow, style.asBold());
            } else if (n instanceof Emphasis) {
                inlines(n, flow, style.asItalic());
            } else if (n instanceof SoftLineBreak) {
                add(flow, " ", style);
            } else if (n instanceof HardLineBreak) {
                add(flow, "\n", style);
            } else if (n instanceof Link link) {
                int before = flow.getChildren().size();
                inlines(link, flow, style);
                for (int i = before; i < flow.getChildren().size(); i++) {
                    ((Text) flow.getChildren().get(i)).setFill(javafx.scene.paint.Color.web("#0060a8"));
                }
            } else {
                inlines(n, flow, style);
            }
        }
    }

    private static void add(TextFlow flow, String text, Style style) {
        Text t = new Text(text);
        t.setFont(style.font());
        flow.getChildren().add(t);
    }

    /** An ordered list's first number (1 when the text gives none). */
    private static int startNumber(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        return start == null ? 1 : start;
    }
}
