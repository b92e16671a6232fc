CREATE TABLE ok (id int PRIMARY KEY);

CREATE TABLE bad (
  name text DEFAULT 'never closed,
  id int
);
CREATE TABLE later (id int);
