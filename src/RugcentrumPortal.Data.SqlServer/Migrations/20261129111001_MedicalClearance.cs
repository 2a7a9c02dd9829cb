using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.SqlServer.Migrations
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
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClearanceRecordedAt",
                table: "Assessments",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClearanceRecordedById",
                table: "Assessments",
                type: "nvarchar(450)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClearanceRole",
                table: "Assessments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClearedBy",
                table: "Assessments",
                type: "nvarchar(200)",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
