-- Write-side lookups of the list and plan features, kept in the appending transaction by subscribing handlers
-- (processing group command-directory). All are derived from signed entries and can be rebuilt.

-- Lists: owner and kind, for authorization, and the latest published version (0 while only a draft).
CREATE TABLE checklist (
    list_id           VARCHAR(255)  PRIMARY KEY,
    owner_department  VARCHAR(255)  NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    title             VARCHAR(1000) NOT NULL,
    published_version INTEGER       NOT NULL
);

-- A GENERAL item's ratio cap {num, den}; both NULL for KEY items. Plans refuse a batch ratio above it.
ALTER TABLE published_item ADD COLUMN ratio_cap_num INTEGER;
ALTER TABLE published_item ADD COLUMN ratio_cap_den INTEGER;

-- Department plan submissions (one row per submitted version).
CREATE TABLE department_plan (
    plan_year     INTEGER      NOT NULL,
    department_id VARCHAR(255) NOT NULL,
    version       INTEGER      NOT NULL,
    submitted_on  DATE         NOT NULL,
    deadline      DATE         NOT NULL,
    late          BOOLEAN      NOT NULL,
    PRIMARY KEY (plan_year, department_id, version)
);

-- Batches of each submitted department plan version.
CREATE TABLE department_plan_batch (
    plan_year     INTEGER       NOT NULL,
    department_id VARCHAR(255)  NOT NULL,
    version       INTEGER       NOT NULL,
    batch_id      VARCHAR(255)  NOT NULL,
    batch_json    VARCHAR(20000) NOT NULL,
    PRIMARY KEY (plan_year, department_id, version, batch_id)
);

-- The district plan of a year: its state, for whoever plans tasks from it.
CREATE TABLE district_plan (
    plan_year       INTEGER PRIMARY KEY,
    version         INTEGER NOT NULL,
    consolidated_on DATE    NOT NULL,
    approved_on     DATE,
    published_on    DATE,
    filed_on        DATE,
    adjustments     INTEGER NOT NULL
);

-- The district plan's batches: department batches it references and its joint batches, as adjusted.
-- origin: the stream and version a batch came from (plan:<year>:<dept>#<version>), 'joint', or 'adjustment:<n>'.
-- items: listId:version:code, comma-separated. status: ACTIVE, or REMOVED by an adjustment.
CREATE TABLE plan_batch (
    plan_year             INTEGER        NOT NULL,
    batch_id              VARCHAR(255)   NOT NULL,
    origin                VARCHAR(600)   NOT NULL,
    lead_department       VARCHAR(255)   NOT NULL,
    assisting_departments VARCHAR(2000)  NOT NULL,
    items                 VARCHAR(20000) NOT NULL,
    period_from           DATE           NOT NULL,
    period_to             DATE           NOT NULL,
    ratio_num             INTEGER        NOT NULL,
    ratio_den             INTEGER        NOT NULL,
    status                VARCHAR(16)    NOT NULL,
    batch_json            VARCHAR(20000) NOT NULL,
    PRIMARY KEY (plan_year, batch_id)
);
