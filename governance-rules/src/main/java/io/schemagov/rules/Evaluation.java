package io.schemagov.rules;

import java.util.List;

/** Everything the rules concluded about one event: what they found and which table states are now clean. */
public record Evaluation(List<Finding> findings, List<CleanTable> clean) {

    public Evaluation {
        findings = List.copyOf(findings);
        clean = clean instanceof CleanTables ? clean : List.copyOf(clean); // the engine's own: unmodifiable
    }
}
