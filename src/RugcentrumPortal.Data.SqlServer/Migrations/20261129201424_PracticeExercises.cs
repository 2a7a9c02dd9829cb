using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.SqlServer.Migrations
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
                    Id = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    PracticeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Steps = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Cues = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DefaultDosage_HoldSeconds = table.Column<int>(type: "int", nullable: true),
                    DefaultDosage_Minutes = table.Column<int>(type: "int", nullable: true),
                    DefaultDosage_Repetitions = table.Column<int>(type: "int", nullable: true),
                    DefaultDosage_RestSeconds = table.Column<int>(type: "int", nullable: true),
                    DefaultDosage_Sets = table.Column<int>(type: "int", nullable: true),
                    DefaultDosage_TimesPerDay = table.Column<int>(type: "int", nullable: true),
                    DefaultDosage_TimesPerWeek = table.Column<int>(type: "int", nullable: true)
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
