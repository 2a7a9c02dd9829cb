using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class InvitationLettersAndPracticeAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Practices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Practices",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedLetterCode",
                table: "Invitations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Address",
                table: "Practices");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Practices");

            migrationBuilder.DropColumn(
                name: "ProtectedLetterCode",
                table: "Invitations");
        }
    }
}
