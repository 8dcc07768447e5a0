package io.schemagov.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyAuditCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--table=public.t                               | --database is required",
            "--database=shop --table=t                      | --table is required, as schema.table",
            "--database=shop --table=public.t --since=today | unknown argument '--since=today'",
            "--database=shop --table=public.t --from=today  | --from must be an ISO-8601 instant"})
    void badArgumentsAreExplainedWithStatus2(String args, String message) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = VerifyAuditCommand.run(args.strip().split(" "), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(message.strip()).contains("usage: verify-audit");
    }

    @ParameterizedTest
    @CsvSource("--database=shop --table=public.t --elasticsearch=http://127.0.0.1:1")
    void anUnreachableElasticsearchIsStatus2(String args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = VerifyAuditCommand.run(args.split(" "), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("cannot verify: Elasticsearch at http://127.0.0.1:1");
    }
}
