package dev.synergylink.synergy.internal;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.POST;

/** The OAuth token endpoints on the API host (form-encoded). */
interface OAuthService {
  @FormUrlEncoded
  @POST(SynergyContract.GET_ACCESS_TOKEN_PATH)
  Call<ResponseBody> getAccessToken(@FieldMap Map<String, String> fields);

  @FormUrlEncoded
  @POST(SynergyContract.REFRESH_ACCESS_TOKEN_PATH)
  Call<ResponseBody> refreshAccessToken(@FieldMap Map<String, String> fields);
}
