using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
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
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountAttempts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountAttempts_LastAt",
                table: "AccountAttempts",
                column: "LastAt");

            // The log is append-only in the database too (ADR 0026): no row of it is changed or removed, not even by
            // the owner by mistake; only someone who first disables the trigger can, and the hash chain shows that.
            migrationBuilder.Sql("""
                CREATE FUNCTION access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AccessLog is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON "AccessLog"
                    FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON "AccessLog"
                    FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER access_log_no_truncate ON "AccessLog";""");
            migrationBuilder.Sql("""DROP TRIGGER access_log_no_change ON "AccessLog";""");
            migrationBuilder.Sql("DROP FUNCTION access_log_is_append_only();");

            migrationBuilder.DropTable(
                name: "AccountAttempts");
        }
    }
}
