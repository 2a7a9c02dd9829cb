using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PracticeExercises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeExercises",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    PracticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Cues = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DefaultDosage_HoldSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultDosage_Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultDosage_Repetitions = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultDosage_RestSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultDosage_Sets = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultDosage_TimesPerDay = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultDosage_TimesPerWeek = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeExercises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeExercises_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeExercises_PracticeId_IsArchived",
                table: "PracticeExercises",
                columns: new[] { "PracticeId", "IsArchived" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeExercises");
        }
    }
}
