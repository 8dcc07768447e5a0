package io.schemagov.quickstart.bench;

/** Something the benchmark waits for did not happen in time; the message says what. */
final class BenchmarkTimeout extends Exception {

    BenchmarkTimeout(String message) {
        super(message);
    }
}
