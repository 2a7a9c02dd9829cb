using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RugcentrumPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanExerciseDosageValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
