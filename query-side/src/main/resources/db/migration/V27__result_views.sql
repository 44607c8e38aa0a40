-- Results with deadlines and overdue flags (query side, package org.drledger.query.result): one row per
-- result:<taskId>:<objectId>:<itemCode> stream, dates as ISO text (YYYY-MM-DD), and its follow-ups.

CREATE TABLE qresult_result (
    task_id             VARCHAR(128) NOT NULL,
    object_id           VARCHAR(128) NOT NULL,
    item_code           VARCHAR(128) NOT NULL,
    department          VARCHAR(128) NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    revision            BIGINT       NOT NULL,
    method              VARCHAR(32),
    result_codes        VARCHAR(1000) NOT NULL,
    code_table_version  BIGINT,
    evidence_count      BIGINT       NOT NULL,
    trigger_kind        VARCHAR(32),
    trigger_date        VARCHAR(10),
    deadline            VARCHAR(10),
    calendar_json       VARCHAR(2000),
    entered_by          VARCHAR(256),
    entered_on          VARCHAR(10),
    entered_leaf        BIGINT       NOT NULL,
    review_decision     VARCHAR(16),
    reviewer            VARCHAR(256),
    reviewed_on         VARCHAR(10),
    review_reasons_json VARCHAR(8000),
    published_on        VARCHAR(10),
    published_by        VARCHAR(256),
    late                BOOLEAN,
    working_days_late   BIGINT,
    published_leaf      BIGINT,
    exemption_basis     VARCHAR(4000),
    exemption_authority VARCHAR(512),
    exemption_document  VARCHAR(512),
    exemption_approved_on VARCHAR(10),
    exemption_recorded_on VARCHAR(10),
    exemption_leaf      BIGINT,
    PRIMARY KEY (task_id, object_id, item_code)
);
CREATE INDEX qresult_result_object ON qresult_result (object_id);
CREATE INDEX qresult_result_department ON qresult_result (department, deadline);

CREATE TABLE qresult_follow_up (
    task_id             VARCHAR(128) NOT NULL,
    object_id           VARCHAR(128) NOT NULL,
    item_code           VARCHAR(128) NOT NULL,
    follow_up_no        BIGINT       NOT NULL,
    measure             VARCHAR(32)  NOT NULL,
    notified_department VARCHAR(512),
    referred_to         VARCHAR(512),
    state               VARCHAR(8)   NOT NULL,
    completed_on        VARCHAR(10),
    updated_on          VARCHAR(10),
    PRIMARY KEY (task_id, object_id, item_code, follow_up_no)
);
