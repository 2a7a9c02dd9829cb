Console.WriteLine("Design-time host for EF Core migrations; see scripts/add-migration.sh.");
