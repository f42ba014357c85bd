using Intelligence.Anomaly.Models;

namespace Intelligence.Anomaly.Tests;

public sealed class ModelStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"anomaly-models-{Guid.NewGuid():N}");

    [Fact]
    public void Each_save_takes_the_next_version_and_latest_loads_the_highest()
    {
        var first = ModelStore.Save(_folder, Model("demand"));
        var second = ModelStore.Save(_folder, Model("backlog"));

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.True(File.Exists(ModelStore.PathOf(_folder, 1)));
        var latest = ModelStore.Latest(_folder)!;
        Assert.Equal(2, latest.Version);
        Assert.Equal(["backlog"], latest.Families.Keys);
        Assert.Equal(second.Families["backlog"].Components[1], latest.Families["backlog"].Components[1]);
        Assert.Equal((second.TrainedAt, second.DataFrom, second.DataTo), (latest.TrainedAt, latest.DataFrom, latest.DataTo));
        Assert.Equal(["demand"], ModelStore.Load(ModelStore.PathOf(_folder, 1)).Families.Keys);
    }

    [Fact]
    public void A_saved_version_is_never_overwritten()
    {
        ModelStore.Save(_folder, Model("demand"));
        var before = File.ReadAllText(ModelStore.PathOf(_folder, 1));

        ModelStore.Save(_folder, Model("returns") with { Version = 1 });

        Assert.Equal(before, File.ReadAllText(ModelStore.PathOf(_folder, 1)));
        Assert.Equal(2, ModelStore.Latest(_folder)!.Version);
    }

    [Fact]
    public void Without_a_saved_model_every_family_starts_cold()
    {
        Assert.Null(ModelStore.Latest(_folder));
        Directory.CreateDirectory(_folder);
        Assert.Null(ModelStore.Latest(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static AnomalyModel Model(string family) => new()
    {
        Version = 0,
        TrainedAt = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero),
        DataFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        DataTo = new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero),
        Families = new Dictionary<string, FamilyModel>
        {
            [family] = new()
            {
                Mean = [0.5f, -1, 2],
                Components = [[1, 0, 0], [0, 0.6f, 0.8f]],
                ErrorScale = 1.25,
                TrainingPoints = 500,
                Series = 3,
            },
        },
    };
}
