using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountAttemptsAndAppendOnlyAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountAttempts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountAttempts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountAttempts_LastAt",
                table: "AccountAttempts",
                column: "LastAt");

            // The log is append-only in the database too (ADR 0026). A later migration that rebuilds this table
            // drops these triggers with it and must create them again.
            migrationBuilder.Sql("""
                CREATE TRIGGER access_log_no_update BEFORE UPDATE ON "AccessLog"
                BEGIN
                    SELECT RAISE(ABORT, 'AccessLog is append-only: UPDATE refused');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_log_no_delete BEFORE DELETE ON "AccessLog"
                BEGIN
                    SELECT RAISE(ABORT, 'AccessLog is append-only: DELETE refused');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER access_log_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER access_log_no_update;");

            migrationBuilder.DropTable(
                name: "AccountAttempts");
        }
    }
}
