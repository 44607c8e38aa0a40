-- Inspection results (docs/workflow.md §5) as the command side needs them: which department owns a result
-- ("谁检查、谁录入、谁公开"), its state, and the publication facts supervisors list (trigger date, deadline,
-- published-on, late, exemption). Kept in the appending transaction from InspectionResult entries by a subscribing
-- handler (processing group command-directory); derived from signed entries, so it can be rebuilt.
CREATE TABLE inspection_result (
    task_id               VARCHAR(255)   NOT NULL,
    object_id             VARCHAR(255)   NOT NULL,
    item_code             VARCHAR(255)   NOT NULL,
    department            VARCHAR(255)   NOT NULL,
    status                VARCHAR(16)    NOT NULL,
    revision              INTEGER        NOT NULL,
    method                VARCHAR(16)    NOT NULL,
    result_codes          VARCHAR(500)   NOT NULL,
    code_table_id         VARCHAR(255)   NOT NULL,
    code_table_version    INTEGER        NOT NULL,
    code_table_sha256     VARCHAR(64)    NOT NULL,
    findings_commitment   VARCHAR(64),
    evidence              VARCHAR(20000) NOT NULL,
    entered_by            VARCHAR(255)   NOT NULL,
    entered_on            DATE           NOT NULL,
    trigger_kind          VARCHAR(32)    NOT NULL,
    trigger_date          DATE           NOT NULL,
    deadline              DATE           NOT NULL,
    calendar_id           VARCHAR(255)   NOT NULL,
    calendar_version      INTEGER        NOT NULL,
    calendar_sha256       VARCHAR(64)    NOT NULL,
    review_decision       VARCHAR(16),
    review_reasons        VARCHAR(60000),
    reviewer              VARCHAR(255),
    reviewed_on           DATE,
    published_on          DATE,
    published_by          VARCHAR(255),
    late                  BOOLEAN,
    working_days_late     INTEGER,
    exempted              BOOLEAN        NOT NULL,
    exemption_legal_basis VARCHAR(2000),
    exemption_authority   VARCHAR(500),
    exemption_document    VARCHAR(500),
    exemption_approved_on DATE,
    exemption_recorded_on DATE,
    PRIMARY KEY (task_id, object_id, item_code)
);
-- the overdue listing: unpublished, not exempted, deadline before the as-of date
CREATE INDEX ix_inspection_result_deadline ON inspection_result (deadline);
CREATE INDEX ix_inspection_result_department ON inspection_result (department, deadline);

-- The follow-up measures (后续处置) of a result's latest revision, numbered from 1, with their state.
CREATE TABLE inspection_follow_up (
    task_id             VARCHAR(255) NOT NULL,
    object_id           VARCHAR(255) NOT NULL,
    item_code           VARCHAR(255) NOT NULL,
    follow_up_no        INTEGER      NOT NULL,
    measure             VARCHAR(32)  NOT NULL,
    notified_department VARCHAR(500),
    referred_to         VARCHAR(500),
    state               VARCHAR(8)   NOT NULL,
    completed_on        DATE,
    PRIMARY KEY (task_id, object_id, item_code, follow_up_no)
);

-- The checklist items of a task (TaskPlanned.items), which V4's task_state does not carry: a result is entered
-- only for one of them. Maintained by the task feature from its TaskPlanned entries, like task_state.
CREATE TABLE task_item (
    task_id   VARCHAR(255) NOT NULL,
    item_code VARCHAR(255) NOT NULL,
    PRIMARY KEY (task_id, item_code)
);
