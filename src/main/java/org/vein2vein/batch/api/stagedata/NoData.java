package org.vein2vein.batch.api.stagedata;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/**
 * A step whose facts are all in the step itself and in what came before: the release, whose
 * grounds are the batch's QC results, and the out-of-specification finding.
 */
@Schema(name = "NoData", description = "RELEASED, OUT_OF_SPEC: an empty object; the grounds are the QC results")
public record NoData() implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.NoData();
    }
}
