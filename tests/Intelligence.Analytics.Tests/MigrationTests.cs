using System.Text;
using Intelligence.Analytics.Migrations;

namespace Intelligence.Analytics.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void Statements_split_at_semicolons_ending_a_line_and_comments_are_dropped()
    {
        var migration = Migration.FromFile("0007_split.sql", Encoding.UTF8.GetBytes(
            "-- a comment that ends like a statement;\nSELECT 'a;b'\nFROM {db}.t;\n\nSELECT 2;\n-- trailing comment\n"));

        Assert.Equal(["SELECT 'a;b'\nFROM shop.t", "SELECT 2"], migration.StatementsFor("shop"));
    }

    [Fact]
    public void The_checksum_is_the_SHA256_of_the_file_bytes()
    {
        var migration = Migration.FromFile("0001_empty.sql", ""u8);

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", migration.Checksum);
    }

    [Theory]
    [InlineData("1_short.sql")]
    [InlineData("0001-dash.sql")]
    [InlineData("0001_Upper.sql")]
    public void A_file_not_named_NNNN_name_sql_is_refused(string fileName)
    {
        Assert.Throws<ArgumentException>(() => Migration.FromFile(fileName, "SELECT 1;\n"u8));
    }

    [Fact]
    public void The_shipped_migrations_start_with_the_foundation()
    {
        Assert.Equal("0001_foundation.sql", MigrationCatalog.All[0].FileName);
    }
}
