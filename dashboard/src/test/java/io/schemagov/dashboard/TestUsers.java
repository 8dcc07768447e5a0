package io.schemagov.dashboard;

/** The users the dashboard tests configure: one viewer and one admin. */
final class TestUsers {

    static final String VIEWER = "vera";
    static final String ADMIN = "ada";
    /** Long enough for the dashboard's password rule; a test value, not a secret. */
    static final String PASSWORD = "test-password-1234";

    private TestUsers() {
    }
}
