package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** helm lint --strict on every chart: warnings fail the build, only INFO lines may remain. */
class ChartLintTest {

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD, Charts.UMBRELLA})
    void lintsWithoutWarningsInStrictMode(String chart) {
        LintResult result = new Helm(Charts.ready(chart)).lint().strict().call();

        assertThat(result.isFailed()).as("lint of %s: %s", chart, result.getMessages()).isFalse();
        assertThat(result.getMessages()).as("lint of %s", chart).allSatisfy(message -> assertThat(message).startsWith("[INFO]"));
    }
}
