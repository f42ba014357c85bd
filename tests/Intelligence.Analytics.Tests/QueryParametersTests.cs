namespace Intelligence.Analytics.Tests;

public sealed class QueryParametersTests
{
    [Fact]
    public void Scalar_values_are_escaped_and_composite_literals_pass_unchanged()
    {
        var bound = QueryParameters.ForBinding(
            "SELECT {note:String}, {skus:Array(String)}, {qty: Int32}",
            new Dictionary<string, string> { ["note"] = "a\\b\tc\nd", ["skus"] = @"['a\'b']", ["qty"] = "3" });

        Assert.Equal(@"a\\b\tc\nd", bound["note"]);
        Assert.Equal(@"['a\'b']", bound["skus"]);
        Assert.Equal("3", bound["qty"]);
    }
}
