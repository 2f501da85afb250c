using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Application.FunctionalTests.Routing;

/// <summary>The model file: read back as written, and refused with a clear reason when missing, foreign, of another format or damaged.</summary>
public sealed class RouterModelFileTests
{
    private static byte[] Bytes(RouterModel model)
    {
        using var stream = new MemoryStream();
        RouterModelFile.Save(model, stream);
        return stream.ToArray();
    }

    [Test]
    public void ShouldReadBackAModelThatRoutesAsTheOriginal()
    {
        var model = RouterExamples.InstitutionModel();

        var loaded = RouterModelFile.Load(new MemoryStream(Bytes(model)), "test");

        loaded.Info.ShouldBe(model.Info);
        loaded.Classifier.Labels.ShouldBe(model.Classifier.Labels);
        foreach (var text in new[] { "요양원 비용이 너무 비쌉니다", "버스 배차 간격", "주민센터 민원실 친절" })
        {
            var original = model.Classifier.Predict(text);
            var read = loaded.Classifier.Predict(text);
            read.Select(s => s.Label).ShouldBe(original.Select(s => s.Label));
            read[0].Probability.ShouldBe(original[0].Probability, 0.01); // weights kept as bytes on each term's scale
        }
    }

    [Test]
    public void ShouldRefuseAMissingFileSayingWhere()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.router");

        Should.Throw<RouterModelException>(() => RouterModelFile.Load(path)).Message.ShouldBe($"No router model at {path}.");
    }

    [Test]
    public void ShouldRefuseAFileThatIsNotAModel()
    {
        var notGzip = Should.Throw<RouterModelException>(() => RouterModelFile.Load(new MemoryStream("id,category,title\n"u8.ToArray()), "petitions.csv"));
        notGzip.Message.ShouldStartWith("petitions.csv is damaged and cannot be read");

        using var other = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(other, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("SOMETHING-ELSE-ENTIRELY"u8);
        }

        Should.Throw<RouterModelException>(() => RouterModelFile.Load(new MemoryStream(other.ToArray()), "other.gz")).Message
            .ShouldBe("other.gz is not a router model file.");
    }

    [Test]
    public void ShouldRefuseATruncatedOrCorruptedModel()
    {
        var bytes = Bytes(RouterExamples.InstitutionModel());

        Should.Throw<RouterModelException>(() => RouterModelFile.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.router"))
            .Message.ShouldStartWith("half.router is damaged and cannot be read");
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0xFF; // gzip's checksum or its decoder catches it
        Should.Throw<RouterModelException>(() => RouterModelFile.Load(new MemoryStream(flipped), "flipped.router"))
            .Message.ShouldStartWith("flipped.router is damaged and cannot be read");
    }
}
