using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>The fixture itself, spoken to with a bare HttpClient: what a ClickHouse server would answer.</summary>
[Collection(ServerCollection.Name)]
public sealed class ChdbHttpServerTests(ChdbHttpServerFixture server) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = server.Url };

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Ping_answers_Ok()
    {
        using var answer = await http.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Ok.\n", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_query_answers_with_its_output_and_the_servers_headers()
    {
        using var answer = await http.PostAsync("/?query_id=q-42&default_format=TabSeparatedWithNames", Sql("SELECT number AS n FROM numbers(3)"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("n\n0\n1\n2\n", await answer.Content.ReadAsStringAsync());
        Assert.Equal("q-42", Header(answer, "X-ClickHouse-Query-Id"));
        Assert.Equal("TabSeparatedWithNames", Header(answer, "X-ClickHouse-Format"));
        Assert.Contains("\"read_rows\":\"3\"", Header(answer, "X-ClickHouse-Summary"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELEC 1", HttpStatusCode.BadRequest, "62")]
    [InlineData("SELECT * FROM system.no_such_table", HttpStatusCode.NotFound, "60")]
    [InlineData("SELECT throwIf(1)", HttpStatusCode.InternalServerError, "395")]
    public async Task An_error_answers_with_the_servers_status_code_header_and_text(string sql, HttpStatusCode status, string code)
    {
        using var answer = await http.PostAsync("/", Sql(sql));

        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(code, Header(answer, "X-ClickHouse-Exception-Code"));
        Assert.StartsWith($"Code: {code}. DB::Exception: ", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_request_gets_a_gzip_answer_when_http_compression_is_enabled()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/?enable_http_compression=1") { Content = Gzip("SELECT 40 + 2") };
        request.Headers.AcceptEncoding.ParseAdd("zstd, lz4, gzip, deflate");

        using var answer = await http.SendAsync(request);

        Assert.Equal(["gzip"], answer.Content.Headers.ContentEncoding);
        await using var decoded = new GZipStream(await answer.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Equal("42\n", await new StreamReader(decoded).ReadToEndAsync());
    }

    [Fact]
    public async Task A_zstd_request_body_is_refused_as_not_implemented()
    {
        var body = new ByteArrayContent([0x28, 0xB5, 0x2F, 0xFD]);
        body.Headers.ContentEncoding.Add("zstd");

        using var answer = await http.PostAsync("/", body);

        Assert.Equal(HttpStatusCode.NotImplemented, answer.StatusCode);
        Assert.Contains("Content-Encoding 'zstd'", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_in_the_url_holds_for_its_request_only()
    {
        using var set = await http.PostAsync("/?max_threads=3", Sql("SELECT getSetting('max_threads')"));
        using var after = await http.PostAsync("/", Sql("SELECT toString(getSetting('max_threads') = 3)"));

        Assert.Equal("3\n", await set.Content.ReadAsStringAsync());
        Assert.Equal("0\n", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_setting_is_refused_as_a_server_refuses_it()
    {
        using var answer = await http.PostAsync("/?no_such_setting_here=1", Sql("SELECT 1"));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("115", Header(answer, "X-ClickHouse-Exception-Code"));
    }

    [Fact]
    public async Task The_database_parameter_names_the_current_database_and_an_unknown_one_is_code_81()
    {
        using var known = await http.PostAsync("/?database=system", Sql("SELECT currentDatabase()"));
        using var unknown = await http.PostAsync("/?database=no_such_database_here", Sql("SELECT 1"));
        using var after = await http.PostAsync("/", Sql("SELECT currentDatabase()"));

        Assert.Equal("system\n", await known.Content.ReadAsStringAsync());
        Assert.Equal("81", Header(unknown, "X-ClickHouse-Exception-Code"));
        Assert.Equal("default\n", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_insert_takes_its_statement_from_the_url_and_its_rows_from_the_body()
    {
        var database = UniqueDatabase.Named("http_insert");
        (await http.PostAsync("/", Sql($"CREATE DATABASE {database}"))).Dispose();
        (await http.PostAsync("/", Sql($"CREATE TABLE {database}.t (n UInt8) ENGINE = MergeTree ORDER BY n"))).Dispose();

        using var insert = await http.PostAsync($"/?query={Uri.EscapeDataString($"INSERT INTO {database}.t FORMAT JSONEachRow")}", Sql("{\"n\":1}\n{\"n\":2}\n"));
        using var count = await http.PostAsync("/", Sql($"SELECT sum(n) FROM {database}.t"));

        Assert.Equal(HttpStatusCode.OK, insert.StatusCode);
        Assert.Contains("\"written_rows\":\"2\"", Header(insert, "X-ClickHouse-Summary"), StringComparison.Ordinal);
        Assert.Equal("3\n", await count.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_is_refused_rather_than_shared()
    {
        using var answer = await http.PostAsync("/?session_id=s-1", Sql("SELECT 1"));

        Assert.Equal(HttpStatusCode.NotImplemented, answer.StatusCode);
        Assert.Contains("session_id", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_path_is_not_found()
    {
        using var answer = await http.GetAsync("/play");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    private static StringContent Sql(string text) => new(text, Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));

    private static ByteArrayContent Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    private static string Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
