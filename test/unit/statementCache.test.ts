import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "../../server/store/statementCache";

describe("the SQLite statement cache", () => {
  it("compiles a statement once and runs it again, letting the least recently used go when full", () => {
    const sqlite = new Database(":memory:");
    const db = withStatementCache(sqlite, 2);
    db.prepare("create table t (n integer)").run([]);
    const insert = db.prepare("insert into t (n) values (?)");
    expect(db.prepare("insert into t (n) values (?)")).toBe(insert);
    for (let n = 0; n < 3; n++) db.prepare("insert into t (n) values (?)").run([n]);
    expect(db.prepare("select count(*) as c from t").all([])).toEqual([{ c: 3 }]);
    // The insert was used before the count: with room for two, a third statement pushes the insert out.
    db.prepare("select 1 as one").all([]);
    expect(db.prepare("insert into t (n) values (?)")).not.toBe(insert);
    db.close();
  });
});
