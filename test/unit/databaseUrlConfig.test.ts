import { describe, expect, it } from "vitest";
import { readConfig } from "../../server/config";
import { describePostgresUrl } from "../../server/store/openStore";

describe("DATABASE_URL", () => {
  it("is absent by default (SQLite in DATA_DIR) and taken as given when it is a PostgreSQL URL", () => {
    expect(readConfig({}, []).databaseUrl).toBeNull();
    expect(readConfig({ DATABASE_URL: "" }, []).databaseUrl).toBeNull();
    expect(readConfig({ DATABASE_URL: "postgres://maquis:pw@db:5432/maquis" }, []).databaseUrl).toBe("postgres://maquis:pw@db:5432/maquis");
    expect(readConfig({ DATABASE_URL: "postgresql://db/maquis" }, []).databaseUrl).toBe("postgresql://db/maquis");
  });

  it("refuses any other URL, repeating only its scheme (the rest may hold a password)", () => {
    expect(() => readConfig({ DATABASE_URL: "mysql://maquis:hunter2@db/maquis" }, [])).toThrow('DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:port/database (got a "mysql:" URL)');
    expect(() => readConfig({ DATABASE_URL: "maquis:hunter2@db/maquis" }, [])).toThrow('(got a "maquis:" URL)');
    expect(() => readConfig({ DATABASE_URL: "/var/lib/maquis.sqlite" }, [])).toThrow("(got no URL scheme)");
  });

  it("is shown in logs as its host and database, never its user or password", () => {
    expect(describePostgresUrl("postgres://maquis:hunter2@db.internal:6543/games")).toBe("PostgreSQL at db.internal:6543/games");
    expect(describePostgresUrl("postgresql://db.internal")).toBe("PostgreSQL at db.internal");
  });
});
