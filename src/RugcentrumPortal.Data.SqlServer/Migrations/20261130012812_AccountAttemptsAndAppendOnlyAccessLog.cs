using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.SqlServer.Migrations
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
                    Key = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountAttempts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountAttempts_LastAt",
                table: "AccountAttempts",
                column: "LastAt");

            // The log is append-only in the database too (ADR 0026). TRUNCATE fires no trigger on SQL Server; the
            // portal's role must not hold ALTER on the table, which TRUNCATE needs.
            migrationBuilder.Sql("""
                CREATE TRIGGER [access_log_no_change] ON [AccessLog] INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'AccessLog is append-only: UPDATE and DELETE refused', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER [access_log_no_change];");

            migrationBuilder.DropTable(
                name: "AccountAttempts");
        }
    }
}
