package io.schemagov.dashboard.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the findings of a filter as CSV or JSON, streaming page by page, at most {@link #MAX_ROWS}. A spreadsheet
 * opening the CSV must not run what production wrote: cells that would start a formula are prefixed with a quote.
 */
final class FindingExport {

    static final int MAX_ROWS = 100_000;
    static final List<String> COLUMNS = List.of("id", "eventTime", "detectedAt", "severity", "status", "ruleId",
            "database", "schema", "table", "object", "actor.role", "actor.application", "message", "statement",
            "remediation", "position");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Format { CSV, JSON }

    private final FindingSearch search;

    FindingExport(FindingSearch search) {
        this.search = search;
    }

    void write(FindingFilter filter, FindingSort sort, Format format, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            writeCsv(filter, sort, out);
        } else {
            writeJson(filter, sort, out);
        }
    }

    private void writeCsv(FindingFilter filter, FindingSort sort, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(String.join(",", COLUMNS) + "\r\n");
        boolean truncated = search.forEach(filter, sort, MAX_ROWS, finding -> {
            try {
                writer.write(csvRow(finding));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (truncated) {
            writer.write("# truncated after " + MAX_ROWS + " findings: narrow the filter\r\n");
        }
        writer.flush();
    }

    private void writeJson(FindingFilter filter, FindingSort sort, OutputStream out) throws IOException {
        JsonGenerator json = JSON.getFactory().createGenerator(out);
        json.writeStartObject();
        json.writeArrayFieldStart("items");
        boolean truncated = search.forEach(filter, sort, MAX_ROWS, finding -> {
            try {
                JSON.writeTree(json, finding);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        json.writeEndArray();
        json.writeBooleanField("truncated", truncated);
        json.writeEndObject();
        json.flush();
    }

    static String csvRow(ObjectNode finding) {
        StringBuilder row = new StringBuilder();
        for (String column : COLUMNS) {
            if (!row.isEmpty()) {
                row.append(',');
            }
            row.append(csvCell(text(finding, column)));
        }
        return row.append("\r\n").toString();
    }

    private static String text(ObjectNode finding, String path) {
        JsonNode node = finding;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString();
    }

    static String csvCell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
