namespace EgressSpecs.Gherkin;

/// <summary>
/// Makes a <see cref="GeneratedFeature"/> for <see cref="GeneratedScenariosAttribute"/>, which creates the source with
/// its parameterless constructor when the tests are discovered. The first feature generated for a path is the one the
/// process runs, so a source must make the same feature every time it is asked within one process.
/// </summary>
public interface IFeatureSource
{
    GeneratedFeature Generate();
}
