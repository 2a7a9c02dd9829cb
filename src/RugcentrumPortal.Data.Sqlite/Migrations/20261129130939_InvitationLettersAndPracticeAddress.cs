using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Practices",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedLetterCode",
                table: "Invitations",
                type: "TEXT",
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
