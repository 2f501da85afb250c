using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Routing;

internal sealed class RoutingKeywordRuleConfiguration : IEntityTypeConfiguration<RoutingKeywordRule>
{
    public void Configure(EntityTypeBuilder<RoutingKeywordRule> builder)
    {
        builder.ToTable("routing_keyword_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Keyword).HasMaxLength(50).IsRequired();
        builder.Property(r => r.InstitutionCode).HasMaxLength(7).IsUnicode(false).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        builder.Property(r => r.Note).HasMaxLength(200);
    }
}
