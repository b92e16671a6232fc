-- Workday-like HR schema, as pg_dump writes it (trimmed).
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;

CREATE SCHEMA hr;

CREATE TYPE hr.worker_type AS ENUM ('Employee', 'Contingent Worker');

CREATE FUNCTION hr.touch_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.updated_at := now(); -- a ';' inside a function body must not end the statement
  RETURN NEW;
END;
$$;

CREATE TABLE hr.organization (
    organization_id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    reference_id character varying(64) NOT NULL,
    name text NOT NULL,
    parent_id uuid,
    CONSTRAINT organization_pkey PRIMARY KEY (organization_id),
    CONSTRAINT organization_reference_id_key UNIQUE (reference_id)
);

CREATE TABLE hr.worker (
    worker_id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    employee_id character varying(32) NOT NULL,
    worker_type hr.worker_type NOT NULL,
    legal_first_name text NOT NULL,
    legal_last_name text NOT NULL,
    preferred_name text,
    work_email character varying(320),
    hire_date date NOT NULL,
    termination_date date,
    manager_id uuid,
    supervisory_org_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT worker_pkey PRIMARY KEY (worker_id),
    CONSTRAINT worker_employee_id_key UNIQUE (employee_id)
);

CREATE TABLE hr.position (
    position_id serial PRIMARY KEY,
    title text NOT NULL,
    job_profile_code varchar(20),
    organization_id uuid NOT NULL REFERENCES hr.organization (organization_id),
    worker_id uuid UNIQUE REFERENCES hr.worker,
    fte numeric(4,2) DEFAULT 1.0 NOT NULL
);

CREATE TABLE hr.worker_personal (
    worker_id uuid PRIMARY KEY REFERENCES hr.worker (worker_id) ON DELETE CASCADE,
    date_of_birth date,
    "Gender Identity" text,
    national_id text
);

CREATE TABLE payroll.compensation (
    compensation_id bigint GENERATED ALWAYS AS IDENTITY,
    worker_id uuid NOT NULL,
    currency char(3) NOT NULL DEFAULT 'USD',
    base_pay numeric(12,2) NOT NULL,
    effective_from date NOT NULL,
    PRIMARY KEY (compensation_id)
);

ALTER TABLE ONLY hr.organization
    ADD CONSTRAINT organization_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES hr.organization(organization_id);
ALTER TABLE ONLY hr.worker
    ADD CONSTRAINT worker_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES hr.worker(worker_id);
ALTER TABLE ONLY hr.worker
    ADD CONSTRAINT worker_supervisory_org_id_fkey FOREIGN KEY (supervisory_org_id) REFERENCES hr.organization(organization_id);
ALTER TABLE ONLY payroll.compensation
    ADD CONSTRAINT compensation_worker_id_fkey FOREIGN KEY (worker_id) REFERENCES hr.worker(worker_id);

CREATE INDEX worker_manager_idx ON hr.worker USING btree (manager_id);
CREATE TRIGGER worker_touch BEFORE UPDATE ON hr.worker FOR EACH ROW EXECUTE FUNCTION hr.touch_updated();

COMMENT ON TABLE hr.worker IS 'A person who works for the company: an employee or a contingent worker.';
COMMENT ON COLUMN hr.worker.work_email IS 'Primary work email; the sign-in name downstream. It''s lower-cased.';
COMMENT ON COLUMN hr.worker."employee_id" IS 'Workday Employee_ID';
COMMENT ON TABLE payroll.compensation IS NULL;
