namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>The database's own refusal to change or remove access log lines (triggers made by the migrations), per provider.</summary>
public static class AccessLogDatabaseGuard
{
    /// <summary>What someone with the owner's rights must do first to change lines anyway.</summary>
    public static string SwitchOffSql => TestDatabase.Provider == "Sqlite"
        ? "DROP TRIGGER IF EXISTS access_log_no_update; DROP TRIGGER IF EXISTS access_log_no_delete;"
        : """ALTER TABLE "AccessLog" DISABLE TRIGGER access_log_no_change""";
}
