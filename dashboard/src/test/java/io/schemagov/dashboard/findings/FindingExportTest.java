package io.schemagov.dashboard.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FindingExportTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain|plain",
        "a,b|`\"a,b\"`",
        "say \"hi\"|`\"say \"\"hi\"\"\"`",
        "=HYPERLINK(\"x\")|`\"'=HYPERLINK(\"\"x\"\")\"`",
        "+1|'+1",
        "-- comment|'-- comment",
        "@SUM(A1)|'@SUM(A1)"
    })
    void quotesAndDefusesCells(String value, String expected) {
        assertThat(FindingExport.csvCell(value)).isEqualTo(expected);
    }

    @Test
    void keepsLineBreaksInsideAQuotedCell() {
        assertThat(FindingExport.csvCell("ALTER TABLE t\nADD c int")).isEqualTo("\"ALTER TABLE t\nADD c int\"");
    }

    @Test
    void writesOneCellPerColumnWithNestedFieldsAndBlanksForMissingOnes() throws Exception {
        ObjectNode finding = (ObjectNode) new ObjectMapper().readTree(
                "{\"id\":\"f-1\",\"severity\":\"HIGH\",\"actor\":{\"role\":\"dba\"},\"message\":\"m\"}");

        String row = FindingExport.csvRow(finding);

        String[] cells = row.trim().split(",", -1);
        assertThat(cells).hasSize(FindingExport.COLUMNS.size());
        assertThat(cells[FindingExport.COLUMNS.indexOf("id")]).isEqualTo("f-1");
        assertThat(cells[FindingExport.COLUMNS.indexOf("actor.role")]).isEqualTo("dba");
        assertThat(cells[FindingExport.COLUMNS.indexOf("statement")]).isEmpty();
        assertThat(row).endsWith("\r\n");
    }
}
