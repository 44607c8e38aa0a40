-- Query side: the two registries (两库) as versioned tables. Every registry entry carries the complete state of its
-- object or officer, so each entry opens a version [valid_from_leaf, valid_to_leaf): the registry "as of leaf L"
-- (the state after every entry before leaf L, as a task freeze at L sees it) is the rows with
-- valid_from_leaf < L AND (valid_to_leaf IS NULL OR valid_to_leaf >= L); the current registry is
-- valid_to_leaf IS NULL. Confidential values are kept only as their vault commitments.
CREATE TABLE qv_object_version (
    object_id            VARCHAR(128)  NOT NULL,
    valid_from_leaf      BIGINT        NOT NULL,
    valid_to_leaf        BIGINT,
    entry_type           VARCHAR(64)   NOT NULL,
    id_kind              VARCHAR(32),
    id_warning           VARCHAR(64),
    object_type          VARCHAR(32)   NOT NULL,
    name                 VARCHAR(2000) NOT NULL,
    industry             VARCHAR(500),
    district             VARCHAR(500),
    address              VARCHAR(2000),
    status               VARCHAR(32)   NOT NULL,
    credit_commitment    VARCHAR(256),
    registry_department  VARCHAR(128)  NOT NULL,
    actor_department     VARCHAR(128)  NOT NULL,
    actor_user           VARCHAR(256)  NOT NULL,
    recorded_at          VARCHAR(40)   NOT NULL,
    entry_hash           VARCHAR(128)  NOT NULL,
    PRIMARY KEY (object_id, valid_from_leaf)
);
-- the current registry in id order, and closing a stream's open version
CREATE INDEX qv_object_version_open ON qv_object_version (valid_to_leaf, object_id);
-- an as-of view of an early position reads only the versions that existed then
CREATE INDEX qv_object_version_from ON qv_object_version (valid_from_leaf);

CREATE TABLE qv_inspector_version (
    officer_id           VARCHAR(128)  NOT NULL,
    valid_from_leaf      BIGINT        NOT NULL,
    valid_to_leaf        BIGINT,
    entry_type           VARCHAR(64)   NOT NULL,
    department           VARCHAR(128)  NOT NULL,
    name                 VARCHAR(500)  NOT NULL,
    certificate_no       VARCHAR(256),
    certificate_expiry   VARCHAR(10),
    specialties          VARCHAR(4000) NOT NULL,
    competent_items      TEXT          NOT NULL,
    district             VARCHAR(500),
    status               VARCHAR(32)   NOT NULL,
    assist_eligible      BOOLEAN       NOT NULL,
    conflicts            TEXT          NOT NULL,
    id_card_commitment   VARCHAR(256),
    phone_commitment     VARCHAR(256),
    actor_department     VARCHAR(128)  NOT NULL,
    actor_user           VARCHAR(256)  NOT NULL,
    recorded_at          VARCHAR(40)   NOT NULL,
    entry_hash           VARCHAR(128)  NOT NULL,
    PRIMARY KEY (officer_id, valid_from_leaf)
);
CREATE INDEX qv_inspector_version_open ON qv_inspector_version (valid_to_leaf, officer_id);
CREATE INDEX qv_inspector_version_from ON qv_inspector_version (valid_from_leaf);
