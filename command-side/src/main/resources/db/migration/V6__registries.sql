-- The two registries (两库) and their CSV imports.
--
-- registry_object / registry_inspector: the current state of every stream, i.e. the payload of its last
-- InspectionObject* / Inspector* entry as canonical JSON (commitments only: confidential values never appear here).
-- Kept in the appending transaction by subscribing handlers (processing group command-directory) so that REST
-- reads and import diffs do not replay streams; derived from signed entries, so they can be rebuilt.
CREATE TABLE registry_object (
    object_id           VARCHAR(255)    PRIMARY KEY,
    registry_department VARCHAR(255)    NOT NULL,
    object_type         VARCHAR(32)     NOT NULL,
    status              VARCHAR(32)     NOT NULL,
    state               VARCHAR(100000) NOT NULL,
    stream_seq          BIGINT          NOT NULL,
    event_id            VARCHAR(255)    NOT NULL
);
CREATE INDEX ix_registry_object_department ON registry_object (registry_department, object_id);

CREATE TABLE registry_inspector (
    officer_id VARCHAR(255)    PRIMARY KEY,
    department VARCHAR(255)    NOT NULL,
    status     VARCHAR(32)     NOT NULL,
    state      VARCHAR(100000) NOT NULL,
    stream_seq BIGINT          NOT NULL,
    event_id   VARCHAR(255)    NOT NULL
);
CREATE INDEX ix_registry_inspector_department ON registry_inspector (department, officer_id);

-- CSV imports: one row per import with its progress and counts; row_status holds one byte per record of the file
-- once the import has finished (A accepted, R rejected, U unchanged, 0 blank line); import_issue the rejections and
-- warnings per row. Neither ever holds a value of a confidential column.
CREATE TABLE import_job (
    import_id      VARCHAR(64)   PRIMARY KEY,
    registry       VARCHAR(16)   NOT NULL,
    username       VARCHAR(100)  NOT NULL,
    department     VARCHAR(255)  NOT NULL,
    file_name      VARCHAR(500),
    file_sha256    VARCHAR(64)   NOT NULL,
    file_bytes     BIGINT        NOT NULL,
    partial_import BOOLEAN       NOT NULL,
    dry_run        BOOLEAN       NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    phase          VARCHAR(16)   NOT NULL,
    rows_total     BIGINT        NOT NULL,
    rows_processed BIGINT        NOT NULL,
    accepted       BIGINT        NOT NULL,
    rejected       BIGINT        NOT NULL,
    unchanged      BIGINT        NOT NULL,
    warnings       BIGINT        NOT NULL,
    written        BIGINT        NOT NULL,
    created_at     VARCHAR(40)   NOT NULL,
    started_at     VARCHAR(40),
    finished_at    VARCHAR(40),
    heartbeat_at   VARCHAR(40)   NOT NULL,
    message        VARCHAR(2000),
    row_status     BYTEA
);
CREATE INDEX ix_import_job_department ON import_job (department, created_at);

CREATE TABLE import_issue (
    import_id VARCHAR(64)   NOT NULL,
    row_no    BIGINT        NOT NULL,
    seq       INTEGER       NOT NULL,
    severity  VARCHAR(8)    NOT NULL,
    record_id VARCHAR(255),
    field     VARCHAR(100)  NOT NULL,
    rule      VARCHAR(100)  NOT NULL,
    message   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (import_id, row_no, seq)
);
