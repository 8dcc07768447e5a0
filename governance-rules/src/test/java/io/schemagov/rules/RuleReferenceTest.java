package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "rules.md");

    @Test
    void publishedReferenceMatchesTheCatalogue() throws Exception {
        String generated = RuleReference.markdown(RuleCatalog.defaultRules());
        if (Boolean.getBoolean("schemagov.update-docs")) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(REFERENCE).as("docs/rules.md is out of date: regenerate it (see its header)").exists();
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8)).isEqualTo(generated);
    }

    @Test
    void everyRuleIsListedWithItsRationaleFixAndExamples() {
        String generated = RuleReference.markdown(RuleCatalog.defaultRules());
        for (Rule rule : RuleCatalog.defaultRules()) {
            assertThat(generated).contains("## " + rule.info().id()).contains(rule.info().rationale())
                    .contains("**Fix:** " + rule.info().remediation())
                    .contains("```sql\n" + rule.info().example() + "\n```")
                    .contains("```sql\n" + rule.info().fix() + "\n```");
        }
    }
}
