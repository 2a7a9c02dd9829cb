using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class MedicalClearance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClearanceExcluded",
                table: "Assessments",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClearanceRecordedAt",
                table: "Assessments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClearanceRecordedById",
                table: "Assessments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClearanceRole",
                table: "Assessments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClearedBy",
                table: "Assessments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClearedOn",
                table: "Assessments",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ClearanceRecordedById",
                table: "Assessments",
                column: "ClearanceRecordedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Assessments_AspNetUsers_ClearanceRecordedById",
                table: "Assessments",
                column: "ClearanceRecordedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The catalogue split this precaution into three; a patient who had it keeps all three, so none of the
            // exercises it used to guard loses its warning.
            migrationBuilder.Sql("""
                UPDATE "Assessments"
                SET "PrecautionConditions" = array_remove("PrecautionConditions", 'severe-joint-or-disc-problem')
                    || ARRAY['disc-herniation', 'severe-arthrosis', 'muscle-disease']::text[]
                WHERE 'severe-joint-or-disc-problem' = ANY("PrecautionConditions");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The older catalogue knows only the combined precaution; any one of the three maps back to it.
            migrationBuilder.Sql("""
                UPDATE "Assessments"
                SET "PrecautionConditions" = array_remove(array_remove(array_remove("PrecautionConditions",
                        'disc-herniation'), 'severe-arthrosis'), 'muscle-disease')
                    || ARRAY['severe-joint-or-disc-problem']::text[]
                WHERE "PrecautionConditions" && ARRAY['disc-herniation', 'severe-arthrosis', 'muscle-disease']::text[];
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Assessments_AspNetUsers_ClearanceRecordedById",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_ClearanceRecordedById",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ClearanceExcluded",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ClearanceRecordedAt",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ClearanceRecordedById",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ClearanceRole",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ClearedBy",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ClearedOn",
                table: "Assessments");
        }
    }
}
