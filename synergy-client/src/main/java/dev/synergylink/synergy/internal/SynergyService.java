package dev.synergylink.synergy.internal;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/** The organisation-scoped endpoints; bodies are read and written by the caller. */
interface SynergyService {
  @GET("Organisation/{org}/CurrentUser")
  Call<ResponseBody> currentUser(@Path("org") String org);

  @GET("Organisation/{org}/ProjectStatuses")
  Call<ResponseBody> projectStatuses(@Path("org") String org);

  @GET("Organisation/{org}/{resource}")
  Call<ResponseBody> list(@Path("org") String org, @Path("resource") String resource,
      @QueryMap Map<String, String> query);

  @GET("Organisation/{org}/{resource}/{id}")
  Call<ResponseBody> get(@Path("org") String org, @Path("resource") String resource, @Path("id") long id);

  @POST("Organisation/{org}/{resource}")
  Call<ResponseBody> create(@Path("org") String org, @Path("resource") String resource, @Body RequestBody body);

  @PATCH("Organisation/{org}/{resource}/{id}")
  Call<ResponseBody> patch(@Path("org") String org, @Path("resource") String resource, @Path("id") long id,
      @Body RequestBody body);
}
