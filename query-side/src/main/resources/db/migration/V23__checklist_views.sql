-- Query side: inspection-item lists (一单), current drafts and every published version. Rows are keyed by list id,
-- item code, version and leaf index only, so a rebuild reproduces them exactly (ProjectionRunner, ViewDigests).

-- one row per list: owner, kind, title, the latest published version (0: none) and whether the draft differs from it
CREATE TABLE qv_checklist (
    list_id            VARCHAR(128) PRIMARY KEY,
    owner_department   VARCHAR(128) NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    title              VARCHAR(1000) NOT NULL,
    drafted_leaf       BIGINT       NOT NULL,
    latest_version     BIGINT       NOT NULL,
    unpublished_changes BOOLEAN     NOT NULL,
    last_change_leaf   BIGINT       NOT NULL
);

-- the draft: every item ever added (canonical item JSON), retired ones kept with their reason and leaf
CREATE TABLE qv_checklist_draft_item (
    list_id        VARCHAR(128) NOT NULL,
    code           VARCHAR(64)  NOT NULL,
    item_json      TEXT         NOT NULL,
    revised_leaf   BIGINT       NOT NULL,
    retired        BOOLEAN      NOT NULL,
    retired_leaf   BIGINT,
    retire_reason  VARCHAR(4000),
    PRIMARY KEY (list_id, code)
);

-- every published version: the signed snapshot (the ChecklistPublished payload, canonical JSON) and who/when/where
CREATE TABLE qv_checklist_version (
    list_id           VARCHAR(128) NOT NULL,
    version           BIGINT       NOT NULL,
    leaf_index        BIGINT       NOT NULL,
    entry_hash        VARCHAR(128) NOT NULL,
    actor_department  VARCHAR(128) NOT NULL,
    actor_user        VARCHAR(256) NOT NULL,
    published_at      VARCHAR(40)  NOT NULL,
    item_count        BIGINT       NOT NULL,
    retired_count     BIGINT       NOT NULL,
    snapshot          TEXT         NOT NULL,
    PRIMARY KEY (list_id, version)
);
