namespace EducationHub.Distributed.Tests;

/// <summary>One distributed system for every test here: starting six processes is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedSystem>
{
    public const string Name = "distributed";
}
