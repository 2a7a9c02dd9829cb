using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class DecisionRecordedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DecidedById",
                table: "Assessments",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_DecidedById",
                table: "Assessments",
                column: "DecidedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Assessments_AspNetUsers_DecidedById",
                table: "Assessments",
                column: "DecidedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assessments_AspNetUsers_DecidedById",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_DecidedById",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "DecidedById",
                table: "Assessments");
        }
    }
}
