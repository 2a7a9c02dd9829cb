using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReadByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackReceipts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReceipts_PatientId_Kind_SourceKey",
                table: "FeedbackReceipts",
                columns: new[] { "PatientId", "Kind", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackReceipts");
        }
    }
}
