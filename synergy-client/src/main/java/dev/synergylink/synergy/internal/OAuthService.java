package dev.synergylink.synergy.internal;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.POST;

/** The OAuth token endpoints on the API host (form-encoded). */
interface OAuthService {
  /** The form is built by the caller, so that it can be one-shot: a code is single-use. */
  @POST(SynergyContract.GET_ACCESS_TOKEN_PATH)
  Call<ResponseBody> getAccessToken(@Body RequestBody form);

  @FormUrlEncoded
  @POST(SynergyContract.REFRESH_ACCESS_TOKEN_PATH)
  Call<ResponseBody> refreshAccessToken(@FieldMap Map<String, String> fields);
}
