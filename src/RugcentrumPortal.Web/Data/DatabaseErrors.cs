using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RugcentrumPortal.Web.Data;

/// <summary>Reads what a database refusal means, so features never inspect a provider's exception types.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique index refused the row: the database's own guarantee against a duplicate.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
