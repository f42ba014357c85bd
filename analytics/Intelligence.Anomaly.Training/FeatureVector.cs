using Microsoft.ML;
using Microsoft.ML.Data;

namespace Intelligence.Anomaly.Training;

/// <summary>One feature vector as an ML.NET row; the vector's length is set in the schema.</summary>
public sealed class FeatureVector
{
    public float[] Features { get; set; } = [];

    /// <summary>The schema with a fixed-size feature column, which the PCA trainer needs.</summary>
    public static SchemaDefinition Schema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureVector));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }
}
