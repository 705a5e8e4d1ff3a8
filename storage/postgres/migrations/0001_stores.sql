-- Version 1: the client, contract, onboarding and receivables stores and
-- the orders the analyses read. IDs sort in byte order (COLLATE "C"), as
-- every Store pages. Amounts are numeric, calendar days date, instants
-- timestamptz (inside the jsonb histories). Columns holding personal data
-- carry a comment starting "personal data".

CREATE TABLE clients (
    id                text COLLATE "C" PRIMARY KEY,
    kind              smallint NOT NULL,
    display_name      text NOT NULL,
    person_name       text NOT NULL,
    legal_name        text NOT NULL,
    tax_number        text NOT NULL,
    person_tax_number text NOT NULL,
    phone             text NOT NULL,
    email             text NOT NULL,
    messenger         text NOT NULL,
    manager_id        text COLLATE "C" NOT NULL,
    vip               boolean NOT NULL,
    key_account       boolean NOT NULL,
    industry          text NOT NULL,
    region            text NOT NULL,
    tags              text[] NOT NULL,
    segments          text[] NOT NULL,
    status            smallint NOT NULL,
    status_since      date,
    since             date,
    version           bigint NOT NULL
);
CREATE INDEX clients_manager ON clients (manager_id, id);
CREATE INDEX clients_status ON clients (status, id);
CREATE INDEX clients_segments ON clients USING gin (segments);
COMMENT ON COLUMN clients.person_name IS 'personal data: an individual''s full name';
COMMENT ON COLUMN clients.person_tax_number IS 'personal data: an individual''s or entrepreneur''s taxpayer number';
COMMENT ON COLUMN clients.phone IS 'personal data: contact phone';
COMMENT ON COLUMN clients.email IS 'personal data: contact e-mail';
COMMENT ON COLUMN clients.messenger IS 'personal data: contact messenger handle';

CREATE TABLE contracts (
    id               text COLLATE "C" PRIMARY KEY,
    number           text NOT NULL,
    client_id        text COLLATE "C" NOT NULL,
    manager_id       text COLLATE "C" NOT NULL,
    type             text COLLATE "C" NOT NULL,
    value            numeric NOT NULL,
    currency         text NOT NULL,
    start_on         date NOT NULL,
    end_on           date NOT NULL,
    revision         integer NOT NULL,
    predecessor_kind smallint NOT NULL,
    predecessor_id   text COLLATE "C" NOT NULL,
    payment_terms    jsonb NOT NULL,
    auto_renewal     jsonb,
    documents        jsonb NOT NULL,
    obligations      jsonb NOT NULL,
    events           jsonb NOT NULL,
    version          bigint NOT NULL
);
CREATE INDEX contracts_client ON contracts (client_id, id);
CREATE INDEX contracts_manager ON contracts (manager_id, id);
CREATE INDEX contracts_predecessor ON contracts (predecessor_id, id) WHERE predecessor_id <> '';

CREATE TABLE onboardings (
    id         text COLLATE "C" PRIMARY KEY,
    trainee_id text COLLATE "C" NOT NULL,
    mentor_id  text COLLATE "C" NOT NULL,
    state      smallint NOT NULL,
    started    date,
    ended      date,
    record     jsonb NOT NULL,
    version    bigint NOT NULL
);
CREATE INDEX onboardings_trainee ON onboardings (trainee_id, id);
CREATE INDEX onboardings_mentor ON onboardings (mentor_id, id);

CREATE TABLE receivables_accounts (
    contract_id text COLLATE "C" PRIMARY KEY,
    client_id   text COLLATE "C" NOT NULL,
    currency    text NOT NULL,
    version     bigint NOT NULL
);
CREATE INDEX receivables_accounts_client ON receivables_accounts (client_id, contract_id);

-- One row per journal entry, in the order recorded (seq). kind names the
-- entry's one field; day and amount are the entry's own (a cancellation
-- has no amount); payment_id is set for payments only and is unique per
-- contract, so the same payment can never be recorded twice.
CREATE TABLE receivables_entries (
    contract_id text COLLATE "C" NOT NULL REFERENCES receivables_accounts (contract_id),
    seq         integer NOT NULL,
    kind        text NOT NULL,
    day         date NOT NULL,
    amount      numeric,
    invoice     text COLLATE "C",
    payment_id  text COLLATE "C",
    entry       jsonb NOT NULL,
    PRIMARY KEY (contract_id, seq)
);
CREATE UNIQUE INDEX receivables_entries_payment ON receivables_entries (contract_id, payment_id) WHERE payment_id IS NOT NULL;

-- Orders as the segmentations read them (client.Order, plus the profit
-- ABC may rank by). A host with its own sales table may replace this
-- table by a view of the same shape.
CREATE TABLE orders (
    client_id text COLLATE "C" NOT NULL,
    day       date NOT NULL,
    amount    numeric NOT NULL,
    profit    numeric NOT NULL
);
CREATE INDEX orders_client_day ON orders (client_id, day);
