package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsvDataTest {

    private static String error(String text) {
        return assertThrows(ConfigException.class, () -> CsvData.parse(text, "f.csv")).getMessage();
    }

    @Test
    void readsHeaderLabelsAndScalesIntoTheBall() throws Exception {
        CsvData.Result r = CsvData.parse("x1,x2,y\n3,4,1\n0.5,0,0\n", "f.csv");
        assertEquals(2, r.data().n());
        // The largest norm is 5: every row is divided by 5.
        assertEquals(0.6, r.data().x(0, 0), 1e-15);
        assertEquals(0.1, r.data().x(1, 0), 1e-15);
        assertEquals(-1.0, r.data().y(1));
        assertTrue(r.message().contains("divided by 5"), r.message());
        assertEquals("", CsvData.parse("0.1,0.2,1\n0.2,0.1,-1", "f.csv").message());
    }

    @Test
    void errorsNameLineAndColumn() {
        assertEquals("f.csv line 3 column 2: \"abc\" is not a number", error("x,y,label\n0.1,0.2,1\n0.1,abc,1\n"));
        assertEquals("f.csv line 2: 2 columns, but earlier rows have 3", error("0.1,0.2,1\n0.1,1\n"));
        assertEquals("f.csv line 1 column 3: label 2 is not allowed: use 1 and -1, or 1 and 0", error("0.1,0.2,2\n"));
        assertTrue(error("0.1,NaN,1\n").contains("line 1 column 2"));
        assertEquals("f.csv: no data rows", error("x,y\n"));
        assertEquals("f.csv: no data rows", error(""));
        assertTrue(error("0.1,0.2,1\n0.2,0.2,1\n").contains("at least one point of each label"));
        assertTrue(error("0.1,0.2,1\n\0\0\0").contains("binary data"));
    }
}
