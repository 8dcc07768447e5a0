package io.schemagov.ingest.mapping;

import io.schemagov.ingest.mapping.ColumnMasking.Action;
import io.schemagov.ingest.mapping.ColumnMasking.Classifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What the ingest's audit stage costs per row, with privacy protection off, masking, and keyed hashing (every
 * configuration also hash-chains the records and encodes them in Avro): a harness that prints rows/s on one thread,
 * never a test that asserts them. Run with
 * {@code ./mvnw -q -pl ingest-service test-compile exec:java -Dexec.mainClass=io.schemagov.ingest.mapping.AuditMappingBenchmark
 * -Dexec.classpathScope=test} (after {@code ./mvnw -q install -DskipTests}); {@code -Dschemagov.bench.rows}.
 */
public final class AuditMappingBenchmark {

    private static final Schema ROW = SchemaBuilder.struct().name("shop.public.customers.Value")
            .field("id", Schema.INT64_SCHEMA).field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("mobile_phone", Schema.OPTIONAL_STRING_SCHEMA).field("first_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("last_name", Schema.OPTIONAL_STRING_SCHEMA).field("street_address", Schema.OPTIONAL_STRING_SCHEMA)
            .field("plan", Schema.OPTIONAL_STRING_SCHEMA).field("visits", Schema.OPTIONAL_INT32_SCHEMA).optional().build();
    private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
    private static final Schema SOURCE = SchemaBuilder.struct().field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA).field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
            .field("before", ROW).field("after", ROW).build();

    private AuditMappingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.getInteger("schemagov.bench.rows", 200_000);
        List<SourceRecord> records = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            records.add(update(i));
        }
        System.out.printf(Locale.ROOT, "%,d UPDATE records of an 8-column table (5 personal-data columns), one thread%n", rows);
        measure("protection off", records, new ColumnMasking(Map.of(), Action.MASK, Classifier.OFF, Set.of(), ""));
        measure("masked", records, new ColumnMasking(Map.of(), Action.MASK, Classifier.APPLY, Set.of(), ""));
        measure("hashed (HMAC)", records, new ColumnMasking(Map.of(), Action.HASH, Classifier.APPLY, Set.of(), "bench-key"));
    }

    private static void measure(String name, List<SourceRecord> records, ColumnMasking masking) throws IOException {
        double[] rates = new double[5];
        for (int round = -2; round < rates.length; round++) { // two rounds warm up
            Path state = Files.createTempDirectory("audit-bench");
            ChangeRecordMapper mapper = new ChangeRecordMapper("shop", new Topics("s", "d", "dlt"), masking,
                    AuditChains.load(state.resolve("shop.audit-chain")));
            long bytes = 0;
            long start = System.nanoTime();
            for (SourceRecord record : records) {
                for (OutboundRecord out : mapper.map(record)) {
                    bytes += out.value().length;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round >= 0) {
                rates[round] = records.size() / seconds;
            }
            if (bytes == 0) {
                throw new IllegalStateException("nothing was mapped");
            }
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%-15s median %,.0f rows/s (min %,.0f, max %,.0f)%n", name, rates[2], rates[0], rates[4]);
    }

    private static SourceRecord update(int i) {
        Struct before = row(i, "plan-a");
        Struct after = row(i, "plan-b");
        long lsn = 1_000_000L + i * 100L;
        Struct source = new Struct(SOURCE).put("schema", "public").put("table", "customers").put("lsn", lsn)
                .put("txId", 5_000L + i).put("ts_ms", 1_763_632_800_000L + i).put("sequence", "[\"" + (lsn - 50) + "\",\"" + lsn + "\"]");
        Struct value = new Struct(ENVELOPE).put("source", source).put("op", "u").put("before", before).put("after", after);
        return new SourceRecord(Map.of(), Map.of(), "shop.public.customers", null, KEY, new Struct(KEY).put("id", (long) i),
                ENVELOPE, value);
    }

    private static Struct row(int i, String plan) {
        return new Struct(ROW).put("id", (long) i).put("email", "user" + i + "@example.com").put("mobile_phone", "+1-555-" + i)
                .put("first_name", "First" + i).put("last_name", "Last" + i).put("street_address", i + " Main Street")
                .put("plan", plan).put("visits", i % 100);
    }
}
