-- Names as people really write them, and worse.
CREATE TABLE "Kunden ""Stamm""" (
  "Kunden-Nr." integer PRIMARY KEY,
  "<script>alert(1)</script>" text NOT NULL,
  "line
break" text,
  "emoji 🚀" varchar(10) DEFAULT '🚀;',
  "Größe" numeric(5,1) CHECK ("Größe" > 0)
);

CREATE TABLE "Kunden ""Stamm"""."Bestellung" (
  id serial PRIMARY KEY,
  kunde integer NOT NULL REFERENCES "Kunden ""Stamm""",
  "note;with;semicolons" text
);

CREATE TABLE broken (id integer PRIMARY KEY, name text NOT NUL);

CREATE TABLE orders_copy AS SELECT * FROM orders;

COMMENT ON TABLE "Kunden ""Stamm""" IS 'Customers; "master" data, it''s German';
COMMENT ON COLUMN "Kunden ""Stamm"""."line
break" IS $$dollar $tag$ quoted; with ; inside$$;
COMMENT ON COLUMN "Kunden ""Stamm""".missing IS 'no such column';
ALTER TABLE nowhere ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b (c);
