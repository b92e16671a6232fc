CREATE TABLE `weird``name` (
  `a``b` int NOT NULL PRIMARY KEY COMMENT 'it\'s "quoted"',
  `<img src=x onerror=alert(1)>` varchar(20) COMMENT "double-quoted comment",
  `ctl	tab` int
) COMMENT = 'back\\slash';
# a MySQL hash comment; with a semicolon
CREATE TABLE child (id int PRIMARY KEY, parent int, FOREIGN KEY (parent) REFERENCES `weird``name` (`a``b`));
